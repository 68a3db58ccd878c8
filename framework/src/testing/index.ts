/**
 * `vial/testing`: what a test of a Vial app or of a store for Vial needs beyond the app itself.
 */
export { rateLimitStoreContract, type StoreUnderTest, type StoreContractOptions, type StoreContractCheck } from "./rate-limit-store-contract.ts";

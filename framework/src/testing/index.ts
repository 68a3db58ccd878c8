/**
 * `vial/testing`: what a test of a Vial app or of a store for Vial needs beyond the app itself.
 */
export { TestClient, type TestClientOptions, type TestRequestInit } from "./test-client.ts";
export { CookieJar } from "./cookie-jar.ts";
export { toRequest, type RequestInitWithBody } from "../request-init.ts";
export { rateLimitStoreContract, type StoreUnderTest, type StoreContractOptions, type StoreContractCheck } from "./rate-limit-store-contract.ts";

import { readPayloadAsset } from "../../../site/sandbox/read-payload-asset";
import { payloadAssetType, servedPayloadAssets } from "../../../site/sandbox/payload-assets";

// The payload bundles (and PGlite's files for database lessons), built by scripts/build-vial-bundle.mjs before `next build`, become static
// files at /sandbox/<name> for the browser engines.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return servedPayloadAssets().map((asset) => ({ asset }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ asset: string }> }) {
  const { asset } = await params;
  return new Response(await readPayloadAsset(asset), {
    headers: { "Content-Type": payloadAssetType(asset), "Cross-Origin-Resource-Policy": "same-origin" },
  });
}

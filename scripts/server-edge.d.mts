// Types of scripts/server-edge.mjs (plain JavaScript, run by the server entry without tsx).
export declare const CLIENT_ADDRESS_HEADER: "x-tikit-client-address";
export declare const SERVER_ACTION_BODY_LIMIT_BYTES: number;
export declare const AUTH_BODY_LIMIT_BYTES: number;
export declare const SHUTDOWN_GRACE_MS: number;
export declare function bodyLimitOf(
  method: string | undefined,
  url: string,
  headers: Record<string, string | string[] | undefined>,
): number | null;
export declare function parseTrustProxy(value: string | undefined): number;
export declare function normalizeAddress(raw: unknown): string | null;
export declare function clientAddress(input: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  hops: number;
}): string | null;

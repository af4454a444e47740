import { describe, expect, it } from "vitest";
import { requestIp } from "@/lib/auth/session";
import {
  AUTH_BODY_LIMIT_BYTES,
  CLIENT_ADDRESS_HEADER,
  SERVER_ACTION_BODY_LIMIT_BYTES,
  bodyLimitOf,
  clientAddress,
  normalizeAddress,
  parseTrustProxy,
} from "@/scripts/server-edge.mjs";

// The client address of the server entry (scripts/server.mjs): the socket's peer, or with TRUST_PROXY=n the n-th
// address from the right of "X-Forwarded-For, socket". Run against the real server in tests/integration/http-server.test.ts.

describe("clientAddress", () => {
  const socketAddress = "10.0.0.5";

  it("believes only the socket when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ socketAddress, forwardedFor: "1.2.3.4", hops: 0 })).toBe("10.0.0.5");
    expect(clientAddress({ socketAddress, forwardedFor: undefined, hops: 0 })).toBe("10.0.0.5");
  });

  it("takes the hops-th entry from the right of the chain", () => {
    const forwardedFor = "6.6.6.6, 198.51.100.7, 203.0.113.9";
    expect(clientAddress({ socketAddress, forwardedFor, hops: 1 })).toBe("203.0.113.9");
    expect(clientAddress({ socketAddress, forwardedFor, hops: 2 })).toBe("198.51.100.7");
    expect(clientAddress({ socketAddress, forwardedFor, hops: 3 })).toBe("6.6.6.6");
  });

  it("gives the left-most address of a chain shorter than the hops, and the socket without the header", () => {
    expect(clientAddress({ socketAddress, forwardedFor: "203.0.113.9", hops: 3 })).toBe("203.0.113.9");
    expect(clientAddress({ socketAddress, forwardedFor: undefined, hops: 1 })).toBe("10.0.0.5");
    expect(clientAddress({ socketAddress, forwardedFor: "", hops: 1 })).toBe("10.0.0.5");
  });

  it("reads repeated X-Forwarded-For headers as one list, in order", () => {
    expect(clientAddress({ socketAddress, forwardedFor: ["6.6.6.6", "203.0.113.9"], hops: 1 })).toBe("203.0.113.9");
    expect(clientAddress({ socketAddress, forwardedFor: ["6.6.6.6", "203.0.113.9"], hops: 2 })).toBe("6.6.6.6");
  });

  it("gives IPv4-mapped IPv6 addresses as IPv4 and IPv6 in one spelling", () => {
    expect(clientAddress({ socketAddress: "::ffff:127.0.0.1", forwardedFor: undefined, hops: 0 })).toBe("127.0.0.1");
    expect(clientAddress({ socketAddress: "::ffff:10.0.0.5", forwardedFor: "::FFFF:203.0.113.9", hops: 1 })).toBe(
      "203.0.113.9",
    );
    expect(clientAddress({ socketAddress, forwardedFor: "2001:DB8::1", hops: 1 })).toBe("2001:db8::1");
    expect(clientAddress({ socketAddress, forwardedFor: "[2001:db8::1]:443", hops: 1 })).toBe("2001:db8::1");
    expect(clientAddress({ socketAddress, forwardedFor: "203.0.113.9:51234", hops: 1 })).toBe("203.0.113.9");
  });

  it("does not believe garbage: the nearest address to its right stands in", () => {
    expect(clientAddress({ socketAddress, forwardedFor: "not-an-ip", hops: 1 })).toBe("10.0.0.5");
    expect(clientAddress({ socketAddress, forwardedFor: "6.6.6.6, <script>, 203.0.113.9", hops: 2 })).toBe(
      "203.0.113.9",
    );
    expect(clientAddress({ socketAddress, forwardedFor: "6.6.6.6, unknown, 203.0.113.9", hops: 3 })).toBe(
      "203.0.113.9",
    );
    expect(clientAddress({ socketAddress, forwardedFor: " , ,", hops: 2 })).toBe("10.0.0.5");
    expect(clientAddress({ socketAddress, forwardedFor: "999.1.1.1", hops: 1 })).toBe("10.0.0.5");
    expect(clientAddress({ socketAddress: undefined, forwardedFor: "1.2.3.4", hops: 0 })).toBeNull();
  });

  it("normalizes only real addresses", () => {
    expect(normalizeAddress(" 192.0.2.1 ")).toBe("192.0.2.1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("1.2.3")).toBeNull();
    expect(normalizeAddress("x".repeat(5000))).toBeNull();
    expect(normalizeAddress(undefined)).toBeNull();
  });
});

describe("parseTrustProxy", () => {
  it("is 0 unless set, a whole number of hops when set, and refuses anything else", () => {
    expect(parseTrustProxy(undefined)).toBe(0);
    expect(parseTrustProxy("")).toBe(0);
    expect(parseTrustProxy("2")).toBe(2);
    for (const bad of ["true", "-1", "1.5", "loopback", "100"])
      expect(() => parseTrustProxy(bad)).toThrow(/TRUST_PROXY/);
  });
});

describe("requestIp (the app's reader, lib/auth/client-address.ts)", () => {
  it("reads the server entry's header and nothing a client can set", async () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" });
    expect(await requestIp(headers)).toBeNull();
    headers.set(CLIENT_ADDRESS_HEADER, "203.0.113.9");
    expect(await requestIp(headers)).toBe("203.0.113.9");
  });
});

describe("bodyLimitOf (bodies the server entry refuses by their declared length)", () => {
  it("limits server actions and Auth.js endpoints, nothing else", () => {
    expect(bodyLimitOf("POST", "/login", { "next-action": "7f00" })).toBe(SERVER_ACTION_BODY_LIMIT_BYTES);
    expect(bodyLimitOf("POST", "/api/auth/callback/credentials", {})).toBe(AUTH_BODY_LIMIT_BYTES);
    expect(bodyLimitOf("POST", "/api/auth/signout?x=1", {})).toBe(AUTH_BODY_LIMIT_BYTES);
    expect(bodyLimitOf("GET", "/api/auth/session", {})).toBeNull();
    expect(bodyLimitOf("POST", "/api/authors", {})).toBeNull();
    expect(bodyLimitOf("POST", "/api/content/artifacts", {})).toBeNull();
  });
});

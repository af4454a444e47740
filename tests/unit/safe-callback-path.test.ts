import { describe, expect, test } from "vitest";
import { safeCallbackPath } from "@/lib/auth/portals";

// Where the sign-in page and the sign-in actions send a user afterwards (issue 12, item 1). Browsers drop tab,
// newline and carriage return anywhere in a URL and treat "\" like "/", so "/\t/evil.example" is "//evil.example":
// a scheme-relative URL on another host. A newline that reaches a Location header answered 500.
describe("safeCallbackPath", () => {
  test.each([
    "/agency",
    "/",
    "/agency/campaigns?status=LIVE&sort=name",
    "/client/approvals/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed#comments",
    "/agency/influencers?q=M%C3%BCller",
    "/finance/queue?q=a%20b",
    "/%2e/agency",
  ])("keeps the same-site path %j", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  test.each([
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\r/evil.example"],
    ["/\r\nSet-Cookie:x=1"],
    ["/agency\u0000"],
    ["/agency\u007f"],
    ["/agency\u001b[31m"],
    ["//evil.example"],
    ["/\\evil.example"],
    ["\\/evil.example"],
    ["/\t\\evil.example"],
    ["https://evil.example/agency"],
    ["http:/evil.example"],
    ["javascript:alert(1)"],
    ["evil.example"],
    [" /agency"],
    [""],
    ["/api/campaigns"],
    ["/login"],
    ["/login?callbackUrl=//evil.example"],
    ["/.//evil.example"],
    [null],
    [undefined],
    [42],
    [["/agency"]],
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBeNull();
  });

  test("refuses a path longer than a browser would keep", () => {
    expect(safeCallbackPath(`/agency?q=${"a".repeat(3000)}`)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { queueCount } from "@/components/finance/queue-count";
import { financePaths } from "@/lib/api/openapi-finance";

describe("the finance queue's count on screen and in the API description", () => {
  it("is exact below the cap and '1,000+' above it", () => {
    expect(queueCount({ total: 0, totalCapped: false })).toBe("0");
    expect(queueCount({ total: 999, totalCapped: false })).toBe("999");
    expect(queueCount({ total: 1000, totalCapped: false })).toBe("1,000");
    expect(queueCount({ total: 1000, totalCapped: true })).toBe("1,000+");
  });

  it("documents page.total, page.totalCapped and page.nextCursor", () => {
    const get = (
      financePaths() as unknown as Record<
        string,
        {
          get?: {
            responses: Record<
              string,
              { content?: Record<string, { schema: { properties: { page: { properties: object } } } }> }
            >;
          };
        }
      >
    )["/api/finance/queue"].get!;
    const page = get.responses["200"].content!["application/json"].schema.properties.page.properties;
    expect(Object.keys(page)).toEqual(["total", "totalCapped", "nextCursor"]);
  });
});

import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { Button } from "@/components/ui/button";

// The button's look lives in app/globals.css as component classes (issue 14: a button's utility classes were sent
// twice per button on every page). Every class a variant and size can produce must be defined there, in the
// components layer, so that a utility passed as className overrides it.

const css = fs.readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8");
const components = css.slice(css.indexOf("@layer components"));

describe("Button's component classes", () => {
  const variants = ["default", "destructive", "outline", "secondary", "ghost", "link"] as const;
  const sizes = ["default", "sm", "lg", "icon"] as const;
  it("every variant and size renders classes that app/globals.css defines in its components layer", () => {
    expect(components.length).toBeGreaterThan(0);
    for (const variant of variants)
      for (const size of sizes) {
        const html = renderToStaticMarkup(createElement(Button, { variant, size }, "x"));
        const classes = /class="([^"]*)"/.exec(html)![1].split(" ");
        expect(classes.length).toBe(3);
        for (const name of classes) expect(components, `.${name}`).toMatch(new RegExp(`\\.${name} \\{\\n\\s+@apply `));
      }
  });

  it("keeps the caller's utilities after its own classes", () => {
    const html = renderToStaticMarkup(createElement(Button, { variant: "outline", className: "w-full h-12" }, "x"));
    expect(html).toContain('class="btn btn-outline btn-md w-full h-12"');
  });
});

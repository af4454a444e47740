import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { Button } from "@/components/ui/button";
import { Slot } from "@/components/ui/slot";

// Button's asChild through our own Slot (components/ui/slot.tsx), which replaced Radix's to keep it out of every
// page's first-load JavaScript: the child element is rendered with the button's classes and attributes.

describe("Slot", () => {
  it("renders Button asChild as its child, with the button's classes and the child's own props", () => {
    const html = renderToStaticMarkup(
      createElement(Button, { asChild: true, variant: "outline", size: "sm" }, createElement("a", { href: "/x" }, "X")),
    );
    expect(html).toMatch(/^<a [^>]*>X<\/a>$/);
    expect(html).toContain('data-slot="button"');
    expect(html).toContain('href="/x"');
    expect(html).toContain('class="btn btn-outline btn-sm"');
    expect(html).not.toContain("<button");
  });

  it("joins class names, merges styles, lets the child's props win and runs both handlers, the child's first", () => {
    const calls: string[] = [];
    const slotClick = vi.fn(() => calls.push("slot"));
    const childClick = vi.fn(() => calls.push("child"));
    const element = Slot({
      className: "a",
      style: { color: "red", margin: 1 },
      title: "slot",
      onClick: slotClick,
      children: createElement("span", {
        className: "b",
        style: { color: "blue" },
        title: "child",
        onClick: childClick,
      }),
    }) as { props: Record<string, unknown> };
    expect(element.props).toMatchObject({ className: "a b", style: { color: "blue", margin: 1 }, title: "child" });
    (element.props.onClick as () => void)();
    expect(calls).toEqual(["child", "slot"]);
  });
});

import * as React from "react";

type Props = Record<string, unknown>;
type Handler = (...args: unknown[]) => unknown;

/**
 * `asChild` (Button): renders its only child element with the slot's props merged in, as Radix's Slot does: the
 * child's own props win, class names are joined, event handlers both run (the child's first), styles merge. Radix's
 * Slot came with about 1.5 KiB gzip on every page's first load through the root error boundary's Button (issue 14);
 * nothing here uses its Slottable or lazy-child support. In React 19 `ref` is a prop, so it is passed on like the
 * others (the child's own ref wins).
 */
export function Slot({ children, ...slotProps }: Props & { children?: React.ReactNode }) {
  if (!React.isValidElement(children)) return null;
  const childProps = children.props as Props;
  const merged: Props = { ...slotProps, ...childProps };
  for (const [key, slotValue] of Object.entries(slotProps)) {
    const childValue = childProps[key];
    if (/^on[A-Z]/.test(key) && typeof slotValue === "function" && typeof childValue === "function")
      merged[key] = (...args: unknown[]) => {
        const result = (childValue as Handler)(...args);
        (slotValue as Handler)(...args);
        return result;
      };
    else if (key === "style") merged.style = { ...(slotValue as object), ...(childValue as object) };
    else if (key === "className") merged.className = [slotValue, childValue].filter(Boolean).join(" ");
  }
  return React.cloneElement(children, merged);
}

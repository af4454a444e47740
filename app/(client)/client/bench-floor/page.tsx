import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { benchFloorsEnabled } from "@/lib/bench/floors";
import { FloorTable } from "@/app/bench-floor/floor-table";

// The portal page floor of npm run bench: the same fixed 10-row table as app/bench-floor, inside the client portal's
// layout (session, portal check, shell with its navigation and notification count). No domain query of its own.
// 404 unless TIKIT_BENCH_FLOORS=true.

export const metadata: Metadata = { title: "Bench floor" };

export default function PortalBenchFloor() {
  if (!benchFloorsEnabled()) notFound();
  return (
    <>
      <PageHeader title="Bench floor" description="A fixed 10-row table for npm run bench." />
      <FloorTable />
    </>
  );
}

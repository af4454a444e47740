import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { benchFloorsEnabled } from "@/lib/bench/floors";
import { FloorTable } from "./floor-table";

// The bare page floor of npm run bench: a dynamic page (the root layout renders per request) with no portal layout,
// no session read and no database, rendering the fixed 10-row table. 404 unless TIKIT_BENCH_FLOORS=true.

export const metadata: Metadata = { title: "Bench floor" };

export default function BareBenchFloor() {
  if (!benchFloorsEnabled()) notFound();
  return (
    <main className="p-6">
      <FloorTable />
    </main>
  );
}

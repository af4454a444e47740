import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { FLOOR_ROWS } from "@/lib/bench/floors";

/** The benchmark floors' fixed 10-row table (lib/bench/floors.ts), shared by the bare and the portal floor page. */
export function FloorTable() {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Platform</TableHead>
          <TableHead className="text-right">Followers</TableHead>
          <TableHead>Country</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {FLOOR_ROWS.map((row) => (
          <TableRow key={row.id}>
            <TableCell className="font-medium">{row.name}</TableCell>
            <TableCell>{row.platform}</TableCell>
            <TableCell className="text-right tabular-nums">{row.followers.toLocaleString("en-US")}</TableCell>
            <TableCell>{row.country}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

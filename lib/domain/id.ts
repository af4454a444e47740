import { z } from "zod";

// The one id schema: every row's id is a UUID made by the database, so anything else names no row. Pure (no
// server imports), so forms in the browser may use it too.
export const idSchema = z.uuid({ error: "Not a valid id" });

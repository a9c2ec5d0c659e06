-- Append-only tables: the ledger and the audit trail refuse UPDATE and DELETE in the database
-- itself, whatever code (or person with SQL access) tries.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
-- Exact live totals per (type, status), maintained per statement from transition tables so a
-- bulk insert of a million rows costs one aggregate, not a million row triggers.
INSERT INTO customer_counts (type, status, count)
SELECT t, s, 0 FROM unnest(enum_range(NULL::customer_type)) t, unnest(enum_range(NULL::customer_status)) s;
--> statement-breakpoint
CREATE FUNCTION customer_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Transition tables exist only for their own operation, hence one branch per operation.
  IF TG_OP = 'INSERT' THEN
    UPDATE customer_counts c SET count = c.count + d.n
      FROM (SELECT type, status, count(*) AS n FROM new_rows WHERE deleted_at IS NULL GROUP BY 1, 2) d
     WHERE c.type = d.type AND c.status = d.status;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE customer_counts c SET count = c.count - d.n
      FROM (SELECT type, status, count(*) AS n FROM old_rows WHERE deleted_at IS NULL GROUP BY 1, 2) d
     WHERE c.type = d.type AND c.status = d.status;
  ELSE
    -- Only rows whose type, status or liveness changed move a count: ordinary profile updates
    -- touch no counter row, so they never queue behind each other on one.
    UPDATE customer_counts c SET count = c.count + d.delta
      FROM (
        SELECT type, status, sum(delta) AS delta FROM (
          SELECT o.type, o.status, -1 AS delta FROM old_rows o JOIN new_rows n ON n.id = o.id
           WHERE o.deleted_at IS NULL
             AND (n.type, n.status, n.deleted_at IS NULL) IS DISTINCT FROM (o.type, o.status, true)
          UNION ALL
          SELECT n.type, n.status, 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE n.deleted_at IS NULL
             AND (o.type, o.status, o.deleted_at IS NULL) IS DISTINCT FROM (n.type, n.status, true)
        ) moved GROUP BY 1, 2 HAVING sum(delta) <> 0
      ) d
     WHERE c.type = d.type AND c.status = d.status;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customer_counts_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_counts_apply();
--> statement-breakpoint
CREATE TRIGGER customer_counts_update AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_counts_apply();
--> statement-breakpoint
CREATE TRIGGER customer_counts_delete AFTER DELETE ON customers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_counts_apply();

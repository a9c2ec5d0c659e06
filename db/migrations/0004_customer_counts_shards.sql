ALTER TABLE "customer_counts" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_counts" DROP CONSTRAINT "customer_counts_type_status_pk";--> statement-breakpoint
ALTER TABLE "customer_counts" ADD CONSTRAINT "customer_counts_type_status_shard_pk" PRIMARY KEY("type","status","shard");--> statement-breakpoint
-- Every writer used to add to the one row of its (type, status) and held that row's lock until
-- commit, so concurrent creates queued one commit at a time. Now each backend adds to one of
-- 16 shard rows (made on first use); a total is the sum over its shards, which can be
-- negative one by one (a customer created through one shard and deleted through another).
CREATE OR REPLACE FUNCTION customer_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  my_shard smallint := pg_backend_pid() % 16;
BEGIN
  -- Transition tables exist only for their own operation, hence one branch per operation.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_counts AS c (type, status, shard, count)
      SELECT type, status, my_shard, count(*) FROM new_rows WHERE deleted_at IS NULL GROUP BY 1, 2
      ON CONFLICT (type, status, shard) DO UPDATE SET count = c.count + excluded.count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO customer_counts AS c (type, status, shard, count)
      SELECT type, status, my_shard, -count(*) FROM old_rows WHERE deleted_at IS NULL GROUP BY 1, 2
      ON CONFLICT (type, status, shard) DO UPDATE SET count = c.count + excluded.count;
  ELSE
    -- Only rows whose type, status or liveness changed move a count: ordinary profile updates
    -- touch no counter row, so they never queue behind each other on one.
    INSERT INTO customer_counts AS c (type, status, shard, count)
      SELECT type, status, my_shard, sum(delta) FROM (
        SELECT o.type, o.status, -1 AS delta FROM old_rows o JOIN new_rows n ON n.id = o.id
         WHERE o.deleted_at IS NULL
           AND (n.type, n.status, n.deleted_at IS NULL) IS DISTINCT FROM (o.type, o.status, true)
        UNION ALL
        SELECT n.type, n.status, 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE n.deleted_at IS NULL
           AND (o.type, o.status, o.deleted_at IS NULL) IS DISTINCT FROM (n.type, n.status, true)
      ) moved GROUP BY 1, 2 HAVING sum(delta) <> 0
      ON CONFLICT (type, status, shard) DO UPDATE SET count = c.count + excluded.count;
  END IF;
  RETURN NULL;
END $$;

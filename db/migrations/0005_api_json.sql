-- The USD rounding of the contract (two decimals, half to even: 0.005 → 0.00, 0.025 → 0.02),
-- so PostgreSQL can shape the API's JSON itself; equal to roundUsdHalfEven in
-- lib/money/decimal.ts (a test holds them equal).
CREATE FUNCTION usd_half_even(amount numeric) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (sign(amount) * CASE
            WHEN cents - floor(cents) = 0.5 AND mod(floor(cents), 2) = 0 THEN floor(cents)
            ELSE round(cents)
          END / 100)::numeric(1000, 2)::text
    FROM (SELECT abs(amount) * 100 AS cents) scaled
$$;

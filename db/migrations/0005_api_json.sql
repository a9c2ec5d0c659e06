-- The USD rounding of the contract (two decimals, half to even: 0.005 → 0.00, 0.025 → 0.02),
-- so PostgreSQL can shape the API's JSON itself; equal to roundUsdHalfEven in
-- lib/money/decimal.ts (a test holds them equal). One expression, no FROM and not STRICT, so
-- the planner inlines it: a call costs a few numeric operations, not a function call.
CREATE FUNCTION usd_half_even(amount numeric) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (round(amount, 2) - CASE
            WHEN abs(amount * 100 - trunc(amount * 100)) = 0.5 AND mod(trunc(amount * 100), 2) = 0
            THEN sign(amount) * 0.01
            ELSE 0
          END)::numeric(1000, 2)::text
$$;

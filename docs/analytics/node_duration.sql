-- p50 and p95 of each node's duration (ms) over its completed runs, interpolated linearly.
SELECT node_id,
       count(*) AS completed,
       quantile_cont(duration_ms, 0.5) AS p50_ms,
       quantile_cont(duration_ms, 0.95) AS p95_ms
FROM events
WHERE type = 'node_completed'
GROUP BY node_id
ORDER BY node_id;

-- Retry rate per node: retries scheduled per run of the node (its first attempts).
SELECT node_id,
       count(*) FILTER (WHERE type = 'node_started' AND attempt = 1) AS runs,
       count(*) FILTER (WHERE type = 'retry_scheduled') AS retries,
       round(retries / runs, 4) AS retry_rate
FROM events
WHERE type IN ('node_started', 'retry_scheduled')
GROUP BY node_id
ORDER BY node_id;

-- Cost and tokens per workflow: the model calls (node_completed with a model) of its executions.
SELECT started.workflow_id,
       count(*) AS model_calls,
       sum(done.input_tokens) AS input_tokens,
       sum(done.output_tokens) AS output_tokens,
       round(sum(done.cost_usd), 6) AS cost_usd
FROM events AS done
JOIN events AS started
  ON started.execution_id = done.execution_id AND started.type = 'workflow_started'
WHERE done.type = 'node_completed' AND done.gen_ai_model IS NOT NULL
GROUP BY started.workflow_id
ORDER BY started.workflow_id;

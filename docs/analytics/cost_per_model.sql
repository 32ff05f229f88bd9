-- Cost and tokens per model: every model call, by provider and model.
SELECT gen_ai_system,
       gen_ai_model,
       count(*) AS calls,
       sum(input_tokens) AS input_tokens,
       sum(output_tokens) AS output_tokens,
       round(sum(cost_usd), 6) AS cost_usd
FROM events
WHERE type = 'node_completed' AND gen_ai_model IS NOT NULL
GROUP BY gen_ai_system, gen_ai_model
ORDER BY gen_ai_system, gen_ai_model;

-- Approvals waiting: interrupts with no approval_received after them for the same node.
SELECT raised.execution_id,
       raised.node_id,
       raised.created_at AS raised_at
FROM events AS raised
WHERE raised.type = 'interrupt_raised'
  AND NOT EXISTS (
    SELECT 1
    FROM events AS answer
    WHERE answer.type = 'approval_received'
      AND answer.execution_id = raised.execution_id
      AND answer.node_id = raised.node_id
      AND answer.sequence > raised.sequence
  )
ORDER BY raised_at, raised.execution_id;

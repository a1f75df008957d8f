-- undo + seed row symbols (id=2, code=ETH)
DELETE FROM symbols WHERE id = 2 AND code = 'ETH';

-- undo + seed row symbols (id=1, code=BTC)
DELETE FROM symbols WHERE id = 1 AND code = 'BTC';

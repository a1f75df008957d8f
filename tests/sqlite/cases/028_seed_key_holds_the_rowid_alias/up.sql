-- + seed row symbols (id=1, code=BTC)
INSERT INTO symbols (id, code, name) VALUES (1, 'BTC', 'Bitcoin') ON CONFLICT (id) DO NOTHING;

-- + seed row symbols (id=2, code=ETH)
INSERT INTO symbols (id, code, name) VALUES (2, 'ETH', 'Ether') ON CONFLICT (id) DO NOTHING;

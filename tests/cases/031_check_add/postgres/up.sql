-- + check ck_score_range on sentiment_scores
ALTER TABLE public.sentiment_scores ADD CONSTRAINT ck_score_range CHECK (score BETWEEN -1 AND 1) NOT VALID;

-- ~ validate ck_score_range on sentiment_scores
--   full-scan: reads every row of sentiment_scores under a lock that lets writes continue; fails if a row breaks ck_score_range
--   runs in a transaction of its own, after the steps above are committed (schemac diff starts a new file)
ALTER TABLE public.sentiment_scores VALIDATE CONSTRAINT ck_score_range;

-- - primary key sentiment_scores
ALTER TABLE public.sentiment_scores DROP CONSTRAINT sentiment_scores_pkey;

-- + primary key sentiment_scores (article_id, model)
--   exclusive-lock: the primary key's index is built while sentiment_scores is locked against writes (it replaces the old one in the same transaction)
--   may-fail: fails if existing rows have duplicates (or NULLs, for a primary key)
ALTER TABLE public.sentiment_scores ADD CONSTRAINT sentiment_scores_pkey PRIMARY KEY (article_id, model);

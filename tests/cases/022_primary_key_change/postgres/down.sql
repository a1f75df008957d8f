-- undo + primary key sentiment_scores (article_id, model)
ALTER TABLE public.sentiment_scores DROP CONSTRAINT sentiment_scores_pkey;

-- undo - primary key sentiment_scores
ALTER TABLE public.sentiment_scores ADD CONSTRAINT sentiment_scores_pkey PRIMARY KEY (article_id);

-- undo ~ validate sentiment_scores_article_id_fkey on sentiment_scores
--   nothing to undo: validating only checks the existing rows

-- undo + foreign key sentiment_scores_article_id_fkey on sentiment_scores
ALTER TABLE public.sentiment_scores DROP CONSTRAINT sentiment_scores_article_id_fkey;

-- undo ~ validate ck_score_range on sentiment_scores
--   nothing to undo: validating only checks the existing rows

-- undo + check ck_score_range on sentiment_scores
ALTER TABLE public.sentiment_scores DROP CONSTRAINT ck_score_range;

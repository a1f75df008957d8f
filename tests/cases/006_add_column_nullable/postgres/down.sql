-- undo + column articles.summary
--   data-loss: loses the values of column articles.summary
ALTER TABLE public.articles DROP COLUMN summary;

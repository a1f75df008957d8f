-- + foreign key sentiment_scores_article_id_fkey on sentiment_scores
ALTER TABLE public.sentiment_scores ADD CONSTRAINT sentiment_scores_article_id_fkey FOREIGN KEY (article_id) REFERENCES public.articles (id) ON DELETE CASCADE NOT VALID;

-- ~ validate sentiment_scores_article_id_fkey on sentiment_scores
--   full-scan: reads every row of sentiment_scores under a lock that lets writes continue; fails if a row breaks sentiment_scores_article_id_fkey
--   runs in a transaction of its own, after the steps above are committed (schemac diff starts a new file)
ALTER TABLE public.sentiment_scores VALIDATE CONSTRAINT sentiment_scores_article_id_fkey;

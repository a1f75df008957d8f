-- + column articles.summary
ALTER TABLE public.articles ADD COLUMN summary text;

-- undo + column documents.created_at
--   data-loss: loses the values of column documents.created_at
ALTER TABLE public.documents DROP COLUMN created_at;

-- undo + column documents.public_id
--   data-loss: loses the values of column documents.public_id
ALTER TABLE public.documents DROP COLUMN public_id;

-- undo + column documents.id
--   data-loss: loses the values of column documents.id
ALTER TABLE public.documents DROP COLUMN id;

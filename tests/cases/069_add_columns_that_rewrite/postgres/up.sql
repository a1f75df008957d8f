-- + column documents.id
--   table-rewrite: filling id per row rewrites documents under an ACCESS EXCLUSIVE lock; add it nullable without a default, backfill in batches, then set the default
ALTER TABLE public.documents ADD COLUMN id bigserial NOT NULL;

-- + column documents.public_id
--   table-rewrite: filling public_id per row rewrites documents under an ACCESS EXCLUSIVE lock; add it nullable without a default, backfill in batches, then set the default
ALTER TABLE public.documents ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();

-- + column documents.created_at
ALTER TABLE public.documents ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

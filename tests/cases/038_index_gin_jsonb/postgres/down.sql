-- undo + index documents_tags_idx on documents
DROP INDEX CONCURRENTLY IF EXISTS public.documents_tags_idx;

-- undo + index idx_documents_body on documents
DROP INDEX CONCURRENTLY IF EXISTS public.idx_documents_body;

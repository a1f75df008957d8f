-- + index idx_documents_body on documents
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE INDEX CONCURRENTLY idx_documents_body ON public.documents USING gin (body);

-- + index documents_tags_idx on documents
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE INDEX CONCURRENTLY documents_tags_idx ON public.documents USING gin (tags);

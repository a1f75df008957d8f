-- - foreign key departments_manager_id_fkey on departments
ALTER TABLE public.departments DROP CONSTRAINT departments_manager_id_fkey;

-- - foreign key employees_department_id_fkey on employees
ALTER TABLE public.employees DROP CONSTRAINT employees_department_id_fkey;

-- - table departments
--   data-loss: every row of departments is deleted; back it up (pg_dump -t) first
--   breaks-running-app: a running application that still reads departments fails: deploy the code that stops using it first
--   loses every row of departments
DROP TABLE public.departments;

-- - table employees
--   data-loss: every row of employees is deleted; back it up (pg_dump -t) first
--   breaks-running-app: a running application that still reads employees fails: deploy the code that stops using it first
--   loses every row of employees
DROP TABLE public.employees;

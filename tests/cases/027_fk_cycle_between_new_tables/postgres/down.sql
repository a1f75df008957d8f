-- undo + foreign key employees_department_id_fkey on employees
ALTER TABLE public.employees DROP CONSTRAINT employees_department_id_fkey;

-- undo + foreign key departments_manager_id_fkey on departments
ALTER TABLE public.departments DROP CONSTRAINT departments_manager_id_fkey;

-- undo + table employees
--   data-loss: drops table employees with every row written since it was created
DROP TABLE public.employees;

-- undo + table departments
--   data-loss: drops table departments with every row written since it was created
DROP TABLE public.departments;

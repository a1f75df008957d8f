-- undo - table employees
--   recreates employees empty: its rows are not restored
CREATE TABLE public.employees (
    id serial NOT NULL,
    department_id integer NOT NULL,
    CONSTRAINT employees_pkey PRIMARY KEY (id)
);

-- undo - table departments
--   recreates departments empty: its rows are not restored
CREATE TABLE public.departments (
    id serial NOT NULL,
    manager_id integer,
    CONSTRAINT departments_pkey PRIMARY KEY (id)
);

-- undo - foreign key employees_department_id_fkey on employees
ALTER TABLE public.employees ADD CONSTRAINT employees_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.departments;

-- undo - foreign key departments_manager_id_fkey on departments
ALTER TABLE public.departments ADD CONSTRAINT departments_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES public.employees;

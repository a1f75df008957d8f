CREATE TABLE enrollments (
    student_id integer NOT NULL,
    course_id integer NOT NULL,
    term varchar(10) NOT NULL,
    grade char(2)
);

CREATE TABLE enrollments (
    student_id integer NOT NULL,
    course_id integer NOT NULL,
    term varchar(10) NOT NULL,
    grade char(2),
    PRIMARY KEY (student_id, course_id, term)
);

CREATE TABLE course_tags (
    course_id integer,
    tag text,
    CONSTRAINT course_tags_pk PRIMARY KEY (tag, course_id)
);

CREATE TABLE Employees (
    EmployeeID INT NOT NULL,
    FirstName VARCHAR(50) NOT NULL,
    LastName VARCHAR(50) NOT NULL,
    DepartmentID INT NULL,
    HireDate DATE NOT NULL DEFAULT CURRENT_DATE,
    Salary DECIMAL(10, 2) NULL,
    IsActive BOOLEAN NOT NULL DEFAULT TRUE,
    CONSTRAINT PK_Employees PRIMARY KEY (EmployeeID),
    CONSTRAINT CK_Employees_Salary CHECK (Salary > 0)
);

CREATE TABLE Departments (
    DepartmentID INT NOT NULL PRIMARY KEY,
    DepartmentName VARCHAR(100) NOT NULL
);

ALTER TABLE Employees ADD CONSTRAINT FK_Employees_Departments
    FOREIGN KEY (DepartmentID) REFERENCES Departments (DepartmentID) ON DELETE SET NULL;

CREATE INDEX IX_Employees_LastName ON Employees (LastName, FirstName);

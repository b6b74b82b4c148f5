"""The columns of an application's budget (domain/application.py re-exports them): the applicant's own financing
and the sökta medel, one column per calendar year. A module of its own so that the list of applications
(store/application_list.py) can name them without the application's classes."""
OWN = "own"  # the applicant's own financing column (not sought)
SOUGHT = "sought"  # sökta medel, one column per calendar year

"""Domain exceptions: the core raises these, only cli.py turns them into a message and exit code 2."""


class FactcheckError(Exception):
    """Something the user can fix went wrong."""


class InputError(FactcheckError):
    """An article file cannot be read as a document."""


class StoreError(FactcheckError):
    """The database cannot be opened or written."""


class RuleFileError(FactcheckError):
    """A rule file is malformed."""


class NotFoundError(FactcheckError):
    """A flag, rule or run that was asked for does not exist."""


class LockedError(FactcheckError):
    """Another audit holds the lock."""


class AmbiguousError(FactcheckError):
    """An id prefix matches more than one record."""

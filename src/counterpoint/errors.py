"""One exception tree. Each error knows the CLI exit code and HTTP status it maps to."""

from __future__ import annotations

__all__ = [
    "CounterpointError",
    "InputError",
    "NothingToAnalyze",
    "ConfigError",
    "ModelNotAvailable",
    "PipelineError",
    "StageFailed",
    "StoreError",
]


class CounterpointError(Exception):
    """Base of every error Counterpoint raises on purpose."""

    exit_code = 1
    http_status = 500


class InputError(CounterpointError):
    """An input could not be read or understood (a file, a line, a URL)."""

    exit_code = 2
    http_status = 400

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class NothingToAnalyze(CounterpointError):
    """Every input failed or none was given."""

    exit_code = 3
    http_status = 422


class ConfigError(CounterpointError):
    """A setting has a value that cannot work; the message names the valid ones."""

    exit_code = 2
    http_status = 400


class ModelNotAvailable(ConfigError):
    """A spaCy pipeline or embedding model is not installed."""


class PipelineError(CounterpointError):
    """The stage list is inconsistent (a stage needs something nobody produces)."""

    exit_code = 4


class StageFailed(PipelineError):
    """A stage raised while working; the runner records it and goes on with other stories."""

    def __init__(self, stage: str, cause: BaseException) -> None:
        super().__init__(f"stage {stage!r} failed: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.cause = cause


class StoreError(CounterpointError):
    """The database could not be opened, migrated or written."""

    exit_code = 5
    http_status = 503

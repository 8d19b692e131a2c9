"""Customer-success analytics: the data generator and the modelling logic behind the dbt project."""

__version__ = "0.1.0"

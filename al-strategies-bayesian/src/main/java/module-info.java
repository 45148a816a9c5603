module org.alkit.bayesian { requires org.alkit.api; requires static org.apiguardian.api; }

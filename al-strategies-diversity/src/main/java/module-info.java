module org.alkit.diversity { requires org.alkit.api; requires static org.apiguardian.api; }

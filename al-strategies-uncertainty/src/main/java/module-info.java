module org.alkit.uncertainty { requires org.alkit.api; requires static org.apiguardian.api; }

module org.alkit.gpu { requires org.alkit.api; requires static org.apiguardian.api; }

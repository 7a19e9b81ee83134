from hypecheck.cli import main

# Guarded: a Dask LocalCluster starts its workers by importing this module again (spawn).
if __name__ == "__main__":
    main()

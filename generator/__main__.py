if __name__ == "__main__":  # worker processes (images, social cards) import this module too: nothing to run
    from generator.cli import main

    raise SystemExit(main())
